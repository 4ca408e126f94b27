using MakerShop.Core.Quotes;

namespace MakerShop.Web.Quotes;

/// <summary>A model that was read but cannot be quoted (it fits no printer, or the slicer refused it); answered 422.</summary>
public sealed class QuoteRefusedException(string problem, string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>A stable code: "too-large", "slice-failed", or a model problem such as "Truncated".</summary>
    public string Problem { get; } = problem;

    /// <summary>What else the checks found about the model (open mesh, thin walls, …), shown beside the refusal.</summary>
    public IReadOnlyList<QuoteWarning> Warnings { get; init; } = [];
}
