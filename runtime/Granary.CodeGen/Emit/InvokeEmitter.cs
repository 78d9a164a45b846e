using Granary.CodeGen.Model;

namespace Granary.CodeGen.Emit;

/// <summary>
/// Emits InvokeAsync (or InvokeEnumerable). Calls that complete synchronously return without allocating
/// a state machine; only pending ones go through a local async function.
/// </summary>
internal static class InvokeEmitter
{
    public static void Emit(SourceWriter writer, GrainMethodModel method)
    {
        var call = InvokableEmitter.Call(method);
        if (method.ReturnKind == ReturnKind.AsyncEnumerable)
        {
            writer.Line("public override global::System.Collections.Generic.IAsyncEnumerable<" + method.ResultTypeName + "> InvokeEnumerable(object target) => " + call + ";");
            return;
        }

        var result = InvokableEmitter.ValueTaskOfObjectType;
        writer.Open("public override " + result + " InvokeAsync(object target)");
        writer.Line("var pending = " + call + ";");
        switch (method.ReturnKind)
        {
            case ReturnKind.Task:
                writer.Line("if (pending.IsCompletedSuccessfully) return default;");
                writer.Line("return Await(pending);");
                writer.Line();
                writer.Line("static async " + result + " Await(global::System.Threading.Tasks.Task pending) { await pending; return null; }");
                break;
            case ReturnKind.ValueTask:
                // GetResult releases a pooled IValueTaskSource even when it completed synchronously.
                writer.Open("if (pending.IsCompletedSuccessfully)");
                writer.Line("pending.GetAwaiter().GetResult();");
                writer.Line("return default;");
                writer.Close();
                writer.Line();
                writer.Line("return Await(pending);");
                writer.Line();
                writer.Line("static async " + result + " Await(global::System.Threading.Tasks.ValueTask pending) { await pending; return null; }");
                break;
            default:
                var awaitable = method.ReturnKind == ReturnKind.TaskOfT ? "global::System.Threading.Tasks.Task<" : "global::System.Threading.Tasks.ValueTask<";
                writer.Line("if (pending.IsCompletedSuccessfully) return new " + result + "(pending.Result);");
                writer.Line("return Await(pending);");
                writer.Line();
                writer.Line("static async " + result + " Await(" + awaitable + method.ResultTypeName + "> pending) => await pending;");
                break;
        }

        writer.Close();
    }
}
