namespace MakerShop.Web.Makers;

/// <summary>What became of the owner's command to a printer.</summary>
public enum OwnerCommandResult
{
    Done,
    NotFound,

    /// <summary>A maker's printer: only that maker commands it.</summary>
    NotTheShops,

    /// <summary>The printer's state does not allow it now, or the input was wrong.</summary>
    Refused,
}

/// <summary>The result and the sentence that says it (what was sent, or why not).</summary>
public sealed record OwnerCommandOutcome(OwnerCommandResult Result, string Message);
