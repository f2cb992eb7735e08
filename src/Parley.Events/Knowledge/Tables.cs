using System.Globalization;
using Parley.Core;

namespace Parley.Events.Knowledge;

/// <summary>A cameo.tsv row: a CAMEO code, our label, its Goldstein score and the PLOVER type/mode it maps to.</summary>
public sealed record CameoCode(string Code, string Label, double Goldstein, string? Plover, string? Mode, string Basis);

/// <summary>cameo.tsv: the CAMEO codes the stage can emit.</summary>
public sealed class CameoTable
{
    readonly Dictionary<string, CameoCode> _codes = new(StringComparer.Ordinal);

    public IReadOnlyCollection<CameoCode> Codes => _codes.Values;
    public CameoCode? this[string code] => _codes.GetValueOrDefault(code);

    public static CameoTable Load(string path)
    {
        var table = new CameoTable();
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 6 || !double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var g))
                throw new FormatException($"{path}:{line}: expected code, label, goldstein, plover, mode, basis");
            var code = cells[0].Trim();
            table._codes[code] = new CameoCode(code, cells[1].Trim(), g, Blank(cells[3]), Blank(cells[4]), cells[5].Trim());
        }
        return table;
    }

    internal static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A types.tsv row.</summary>
public sealed record PloverType(string Name, bool Symmetric, bool NeedsTarget, string? FutureType, string? FutureCameo, bool Domestic, bool AgainstFallback);

public sealed class TypeTable
{
    readonly Dictionary<string, PloverType> _types = new(StringComparer.Ordinal);

    public PloverType? this[string type] => _types.GetValueOrDefault(type);
    public IReadOnlyCollection<PloverType> Types => _types.Values;

    public static TypeTable Load(string path)
    {
        var table = new TypeTable();
        foreach (var (line, cells) in Parley.Core.Knowledge.ReadRows(path))
        {
            if (cells.Length < 3) throw new FormatException($"{path}:{line}: expected type, symmetric, needs_target[, future, future_cameo, domestic, against]");
            var name = cells[0].Trim();
            bool Yes(int k) => cells.Length > k && cells[k].Trim() == "yes";
            table._types[name] = new PloverType(name, Yes(1), Yes(2),
                cells.Length > 3 ? CameoTable.Blank(cells[3]) : null, cells.Length > 4 ? CameoTable.Blank(cells[4]) : null, Yes(5), Yes(6));
        }
        return table;
    }
}
