using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

public sealed record OctoPrintJobCommand(
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("action"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Action = null)
{
    public static readonly OctoPrintJobCommand Start = new("start");
    public static readonly OctoPrintJobCommand Cancel = new("cancel");

    /// <summary>An explicit action: without one OctoPrint toggles, and a re-sent pause would resume.</summary>
    public static readonly OctoPrintJobCommand Pause = new("pause", "pause");
    public static readonly OctoPrintJobCommand Resume = new("pause", "resume");
}
