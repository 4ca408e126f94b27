namespace MakerShop.Printers.Http;

public enum HttpCallOutcome
{
    Done,
    /// <summary>The server took the request but did not do it (an upload stored, yet the print did not start).</summary>
    NotDone,
    /// <summary>The printer's state does not allow it (OctoPrint 409, Moonraker 400 for a print already running).</summary>
    Conflict,
    /// <summary>The firmware is not connected (OctoPrint 409 "not operational", Moonraker 503).</summary>
    NotOperational,
    Unauthorized,
    /// <summary>Any other refusal (400, 404, 415, 422): retrying the same request would fail the same way.</summary>
    Rejected,
    /// <summary>No answer; the outcome is unknown, so the caller looks at the printer before trying again.</summary>
    Unreachable,
}
