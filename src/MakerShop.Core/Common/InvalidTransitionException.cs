namespace MakerShop.Core;

/// <summary>
/// A state change the aggregate refuses. Entity, id and both states are carried separately so the API
/// can return them as ProblemDetails extensions without parsing the message.
/// </summary>
public sealed class InvalidTransitionException : DomainException
{
    public InvalidTransitionException(string entity, string id, string from, string to, string? reason = null)
        : base(BuildMessage(entity, id, from, to, reason))
    {
        Entity = entity;
        Id = id;
        From = from;
        To = to;
        Reason = reason;
    }

    public string Entity { get; }

    public string Id { get; }

    public string From { get; }

    public string To { get; }

    /// <summary>Why the move is refused when the states alone do not say it (e.g. out of service).</summary>
    public string? Reason { get; }

    private static string BuildMessage(string entity, string id, string from, string to, string? reason) =>
        reason is null
            ? $"{entity} {id} cannot move from {from} to {to}."
            : $"{entity} {id} cannot move from {from} to {to}: {reason}.";
}
