namespace MakerShop.Storage.Stores;

/// <summary>One line of an endpoint's delivery log: one attempt, or a delivery still waiting for its first.</summary>
public sealed record DeliveryLogEntry(
    long DeliveryId, string EventId, string EventType, string SubjectLabel, int Attempt, DateTimeOffset At, int? HttpStatus, string Outcome,
    string? Error, string DeliveryState, DateTimeOffset? NextAttemptAt);
