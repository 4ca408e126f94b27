namespace MakerShop.Core;

/// <summary>
/// A decision of the scheduling policy. The reason is shown to the shop owner as is; a filament swap means the maker
/// loads the job's material and colour before printing, which the policy has already counted in the job's time.
/// </summary>
public sealed record JobAssignment(string JobId, string PrinterId, string Reason, bool FilamentSwap = false);
