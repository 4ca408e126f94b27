using System.Text.Json.Nodes;

namespace MakerShop.Printers.Bambu;

/// <summary>
/// The printer's <c>print</c> report as it stands: an X1 sends the whole object every time, a P1 or A1 only the fields
/// that changed, so each report is merged into what was known (objects field by field, anything else replaced).
/// Thread-safe; readers get a copy.
/// </summary>
public sealed class BambuReportState
{
    private readonly Lock _gate = new();
    private JsonObject _print = [];

    /// <summary>True once any report has been merged: before that the shop knows nothing about the printer.</summary>
    public bool HasReport { get; private set; }

    public void Merge(JsonObject print)
    {
        ArgumentNullException.ThrowIfNull(print);
        lock (_gate)
        {
            MergeInto(_print, print);
            HasReport = true;
        }
    }

    /// <summary>Forgets everything, as after a reconnect: the next full report says what is true now.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _print = [];
            HasReport = false;
        }
    }

    public JsonObject Snapshot()
    {
        lock (_gate)
        {
            return (JsonObject)_print.DeepClone();
        }
    }

    private static void MergeInto(JsonObject target, JsonObject delta)
    {
        foreach (var (name, value) in delta)
        {
            if (value is JsonObject child && target[name] is JsonObject existing)
            {
                MergeInto(existing, child);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }
}
