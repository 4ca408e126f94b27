namespace MakerShop.Contracts.Mqtt;

/// <summary>How the bridge's most recent job ended; kept in the retained state so a shop that missed the event still learns it.</summary>
public sealed record JobOutcome(string JobId, JobOutcomeKind Outcome, string? Reason, DateTimeOffset At);
