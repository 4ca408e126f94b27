namespace MakerShop.Core;

/// <summary>How the shop packs: the box it uses, what the packaging weighs, and the heaviest parcel it sends.</summary>
public sealed record PackingRules(Size3 BoxSize, double PackagingGrams, double MaxParcelGrams)
{
    /// <summary>
    /// Packs the units into as few parcels as the weight limit allows, in line order. A unit heavier than the limit
    /// on its own still ships, alone, rather than blocking the order.
    /// </summary>
    public IReadOnlyList<Parcel> Pack(IReadOnlyList<(int LineIndex, int Quantity, double UnitNetGrams)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new DomainValidationException("lines", "There is nothing to pack.");
        }

        var parcels = new List<List<ParcelItem>>();
        var current = new List<ParcelItem>();
        var currentWeight = PackagingGrams;
        foreach (var (lineIndex, quantity, unitGrams) in lines)
        {
            if (unitGrams < 0 || !double.IsFinite(unitGrams))
            {
                throw new DomainValidationException($"lines[{lineIndex}].weight", "A unit weight must be a finite, non-negative number of grams.");
            }

            for (var unit = 0; unit < quantity; unit++)
            {
                if (current.Count > 0 && currentWeight + unitGrams > MaxParcelGrams)
                {
                    parcels.Add(current);
                    current = [];
                    currentWeight = PackagingGrams;
                }

                AddUnit(current, lineIndex, unitGrams);
                currentWeight += unitGrams;
            }
        }

        parcels.Add(current);
        return [.. parcels.Select((items, i) => new Parcel(i + 1, PackagingGrams + items.Sum(x => x.NetWeightGrams), BoxSize, items))];
    }

    private static void AddUnit(List<ParcelItem> items, int lineIndex, double unitGrams)
    {
        var last = items.Count > 0 ? items[^1] : null;
        if (last is not null && last.LineIndex == lineIndex)
        {
            items[^1] = last with { Quantity = last.Quantity + 1, NetWeightGrams = last.NetWeightGrams + unitGrams };
        }
        else
        {
            items.Add(new ParcelItem(lineIndex, 1, unitGrams));
        }
    }
}
