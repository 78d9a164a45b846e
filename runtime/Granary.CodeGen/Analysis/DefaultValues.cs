using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Granary.CodeGen.Analysis;

/// <summary>Spells a parameter's default value as a C# expression, so a missing field takes the same default a caller would.</summary>
internal static class DefaultValues
{
    public const string Default = "default!";

    public static string Expression(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue || parameter.ExplicitDefaultValue is not { } value) return Default;
        var type = SymbolNames.Annotated(parameter.Type);
        return value switch
        {
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            IFormattable number => "(" + type + ")(" + number.ToString(null, CultureInfo.InvariantCulture) + ")",
            _ => Default,
        };
    }
}
