using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Granary.Runtime;
using Granary.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Granary.Catalog;

/// <summary>
/// Constructs grain instances. Per class it compiles, once, a constructor call whose arguments come from
/// the activation ([PersistentState] parameters, IGrainContext) and from the silo's services.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services)
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(ActivationData).GetMethod(nameof(ActivationData.CreatePersistentState), BindingFlags.Instance | BindingFlags.Public)!;

    private readonly ConcurrentDictionary<Type, Func<ActivationData, object>> _factories = new();

    public object CreateInstance(ActivationData activation, Type classType) =>
        _factories.GetOrAdd(classType, BuildFactory)(activation);

    private Func<ActivationData, object> BuildFactory(Type classType)
    {
        var constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {classType.FullName} has no public constructor.");
        var argumentFactories = constructor.GetParameters().Select(p => ArgumentFactory(classType, p)).ToArray();
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var call = Expression.New(constructor, constructor.GetParameters().Select((p, i) =>
            Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));
        var create = Expression.Lambda<Func<object?[], object>>(Expression.Convert(call, typeof(object)), arguments).Compile();
        return activation =>
        {
            var values = new object?[argumentFactories.Length];
            for (var i = 0; i < values.Length; i++) values[i] = argumentFactories[i](activation);
            return create(values);
        };
    }

    private Func<ActivationData, object?> ArgumentFactory(Type classType, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } state)
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
                throw new InvalidOperationException($"{classType.Name}({parameter.Name}): [PersistentState] needs a parameter of type IPersistentState<T>.");
            var create = CreateStateMethod.MakeGenericMethod(type.GetGenericArguments()[0])
                .CreateDelegate<Func<ActivationData, string, string, object>>();
            var storageName = state.StorageName ?? GrainStorageNames.Default;
            return activation => create(activation, state.StateName, storageName);
        }

        if (type == typeof(IGrainContext)) return activation => activation;
        if (type == typeof(IGrainFactory)) return activation => activation.GrainFactory;
        if (parameter.GetCustomAttribute<FromKeyedServicesAttribute>() is { } keyed)
            return _ => services.GetRequiredKeyedService(type, keyed.Key);
        return _ => services.GetService(type)
            ?? (parameter.HasDefaultValue ? parameter.DefaultValue
                : throw new InvalidOperationException($"Cannot activate {classType.Name}: no service of type {type.Name} for parameter '{parameter.Name}'."));
    }
}
