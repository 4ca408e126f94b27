namespace MakerShop.Core;

/// <summary>A decision of the scheduling policy; the reason is shown to the shop owner as is.</summary>
public sealed record JobAssignment(string JobId, string PrinterId, string Reason);
