using MakerShop.Core.Quotes;

namespace MakerShop.Web.Quotes;

/// <summary>
/// A model that was read but cannot be quoted (it fits no printer, no printer it fits has a slicer profile, or the
/// slicer refused it); answered 422 with ProblemDetails. Nothing is priced or stored as a quote, so nothing can be
/// ordered from it.
/// </summary>
public sealed class QuoteRefusedException(string problem, string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>A stable code: "too-large", "no-printer-profile", "slice-failed", or a model problem such as "Truncated".</summary>
    public string Problem { get; } = problem;

    /// <summary>What else the checks found about the model (open mesh, thin walls, …), shown beside the refusal.</summary>
    public IReadOnlyList<QuoteWarning> Warnings { get; init; } = [];

    /// <summary>The problem's headline (ProblemDetails title).</summary>
    public string Title { get; init; } = "The model cannot be quoted.";

    /// <summary>More of the answer, as ProblemDetails extensions: what was measured and what the fleet offers.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();
}
