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

    /// <summary>
    /// True once the state says what the printer is doing and on which job (<c>gcode_state</c> and <c>subtask_name</c>,
    /// which a full report always carries): the deltas a P1 sends after a reconnect, before the full report, may say
    /// FINISH without naming the job, which would read as a print the printer forgot.
    /// </summary>
    public bool HasReport { get; private set; }

    public void Merge(JsonObject print)
    {
        ArgumentNullException.ThrowIfNull(print);
        lock (_gate)
        {
            MergeInto(_print, print);
            HasReport = _print.ContainsKey("gcode_state") && _print.ContainsKey("subtask_name");
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
