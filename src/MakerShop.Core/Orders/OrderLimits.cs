using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// How big one order may be. Every unit becomes a print job that the dispatcher weighs and a printer spends hours on, so
/// an order far beyond what a small farm makes in weeks is a mistake or an attack, never a customer: it is refused whole,
/// with the field named, before anything is stored. Larger batches are a conversation with the owner, not a checkout.
/// </summary>
public sealed record OrderLimits(int MaxLines, int MaxQuantityPerLine, int MaxUnits)
{
    /// <summary>The shipped defaults (<c>MakerShop:Orders</c> in configuration can lower or raise them).</summary>
    public static OrderLimits Default { get; } = new(20, 50, 100);

    /// <summary>Refuses a limit that is not positive, or a per-line quantity above the whole order's units.</summary>
    public OrderLimits Validated()
    {
        if (MaxLines < 1 || MaxQuantityPerLine < 1 || MaxUnits < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLines), "Order limits must all be at least 1.");
        }

        return this;
    }

    /// <summary>Refuses too many lines before any line is looked at, so a huge request costs nothing more to refuse.</summary>
    public void CheckLineCount(int lines)
    {
        if (lines > MaxLines)
        {
            throw new DomainValidationException("lines", string.Create(CultureInfo.InvariantCulture,
                $"An order can have at most {MaxLines} lines (got {lines}); for a larger order, contact the shop."));
        }
    }

    public void CheckQuantity(int quantity, string field)
    {
        if (quantity < 1 || quantity > MaxQuantityPerLine)
        {
            throw new DomainValidationException(field, string.Create(CultureInfo.InvariantCulture,
                $"The quantity must be between 1 and {MaxQuantityPerLine} (got {quantity}); for a larger order, contact the shop."));
        }
    }

    public void CheckUnits(long units)
    {
        if (units > MaxUnits)
        {
            throw new DomainValidationException("lines", string.Create(CultureInfo.InvariantCulture,
                $"An order can have at most {MaxUnits} parts in all (got {units}); for a larger order, contact the shop."));
        }
    }
}
