using System.Collections.Concurrent;

namespace MakerShop.Printers.OctoPrint;

/// <summary>
/// When to ask an OctoPrint whose serial link is closed to connect: at the first poll that finds it "Offline", at the
/// second that finds it "Offline after error" (so the error is reported before the link comes back), and, while
/// connecting keeps failing, ever more rarely. Calls for one printer come under that printer's lock.
/// </summary>
internal sealed class OctoPrintLinkRepair
{
    public const string Offline = "Offline";
    public const string AfterError = "Offline after error";
    private const int LongestWait = 32;

    private readonly ConcurrentDictionary<string, Track> _tracks = new(StringComparer.Ordinal);

    /// <summary>OctoPrint's state text when it has no link at all (1.x says "Offline"; "Closed" is /api/connection's word).</summary>
    public static string? Closed(string? stateText) => stateText switch
    {
        "Offline" or "Closed" => Offline,
        "Offline after error" => AfterError,
        _ => null,
    };

    /// <param name="closedWith">What <see cref="Closed"/> made of the state text, or null while the link is open or opening.</param>
    public bool ShouldConnect(string printerId, bool operational, string? closedWith)
    {
        if (operational)
        {
            _tracks.TryRemove(printerId, out _);
            return false;
        }

        if (closedWith is null)
        {
            // Opening, detecting or connecting: OctoPrint is on it; a failure comes back as "Offline after error".
            return false;
        }

        var track = _tracks.GetOrAdd(printerId, _ => new Track());
        track.Sightings++;
        if (track.Connects == 0 && closedWith == AfterError && track.Sightings < 2)
        {
            return false;
        }

        if (track.Sightings < track.NextAt)
        {
            return false;
        }

        track.Connects++;
        track.NextAt = track.Sightings + Math.Min(1 << Math.Min(track.Connects, 5), LongestWait);
        return true;
    }

    /// <summary>How many times the shop has asked the printer to connect in its current closed spell (0 once it is operational).</summary>
    public int Asks(string printerId) => _tracks.TryGetValue(printerId, out var track) ? track.Connects : 0;

    private sealed class Track
    {
        public int Sightings { get; set; }

        public int Connects { get; set; }

        public int NextAt { get; set; }
    }
}
