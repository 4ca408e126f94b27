using System.Globalization;

namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>One G-code command split into its code ("G1", "M104") and parameter words.</summary>
internal sealed class GcodeCommand
{
    private readonly Dictionary<char, double> words = [];

    private GcodeCommand(string text, string code)
    {
        Text = text;
        Code = code;
    }

    public string Text { get; }

    public string Code { get; }

    public static GcodeCommand Parse(string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var command = new GcodeCommand(text, tokens.Length == 0 ? string.Empty : NormaliseCode(tokens[0]));
        foreach (var token in tokens.Skip(1))
        {
            if (token.Length >= 2 && char.IsAsciiLetter(token[0])
                && double.TryParse(token.AsSpan(1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                command.words.TryAdd(char.ToUpperInvariant(token[0]), value);
            }
        }

        return command;
    }

    public bool TryGet(char letter, out double value) => words.TryGetValue(letter, out value);

    public double Get(char letter, double fallback) => words.TryGetValue(letter, out var value) ? value : fallback;

    /// <summary>"g01" and "G1" are the same command.</summary>
    private static string NormaliseCode(string token)
    {
        var letter = char.ToUpperInvariant(token[0]);
        return int.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? string.Create(CultureInfo.InvariantCulture, $"{letter}{number}")
            : token.ToUpperInvariant();
    }
}
