using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// Decides whether a shipment needs a customs declaration and fills it in: the form by value and weight, the
/// Incoterm by whether the import tax was already charged at checkout (IOSS, UK VAT at sale), the exporter's EORI,
/// and notes for the dated rules a person packing the parcel should know about.
/// </summary>
public static class CustomsDeclarationRules
{
    public const string Merchandise = "merchandise";

    /// <summary>Null when origin and destination share a customs territory (DE -> FR, FR -> FR): no customs at all.</summary>
    /// <param name="promised">Who the checkout told the customer pays the duties: when the shop charged them (DDP), the
    /// parcel must travel DDP whatever the low-value rules would otherwise say, or the customer pays twice at the door.</param>
    public static CustomsDeclaration? Declare(
        string originCountry,
        string destinationCountry,
        IReadOnlyList<CustomsLine> lines,
        IReadOnlyList<Parcel> parcels,
        string invoiceNumber,
        DateOnly on,
        CustomsSettings settings,
        DutiesPaidBy? promised = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(parcels);
        ArgumentNullException.ThrowIfNull(settings);
        if (!CustomsTerritory.CrossesBorder(originCountry, destinationCountry))
        {
            return null;
        }

        if (lines.Count == 0)
        {
            throw new DomainValidationException("lines", "A customs declaration needs at least one line.");
        }

        if (lines.Select(l => l.UnitValue.Currency).Distinct().Count() > 1)
        {
            throw new DomainValidationException("lines", "All customs lines must be in one currency.");
        }

        var notes = new List<string>();
        var total = lines.Aggregate(Money.Zero(lines[0].UnitValue.Currency), (sum, l) => sum + l.LineValue);
        var totalEur = settings.ToEur(total);
        if (totalEur is null)
        {
            notes.Add($"No EUR rate for {total.Currency.Code}: treated as above every low-value threshold.");
        }

        var form = FormFor(totalEur, parcels, settings);

        var destination = CustomsTerritory.Of(destinationCountry);
        string? ioss = null;
        var incoterm = Incoterm.DAP;
        if (destination == CustomsTerritory.EuropeanUnion && CustomsFacts.EuIoss.AppliesOn(on)
            && totalEur is { } eur && eur <= CustomsFacts.EuIossCeilingEur && !string.IsNullOrWhiteSpace(settings.IossNumber))
        {
            ioss = settings.IossNumber;
            incoterm = Incoterm.DDP;
            notes.Add(Invariant($"IOSS: EU VAT was charged at checkout (consignment {eur:0.00} EUR <= {CustomsFacts.EuIossCeilingEur} EUR); the IOSS number goes to the carrier electronically, not on the parcel."));
            if (CustomsFacts.EuFlatDuty.AppliesOn(on))
            {
                var lineCount = lines.Select(l => l.HsCode[..6]).Distinct().Count();
                notes.Add(Invariant($"EU interim duty: {CustomsFacts.EuFlatDutyPerLineEur} EUR x {lineCount} tariff line(s) = {CustomsFacts.EuFlatDutyPerLineEur * lineCount} EUR ({CustomsFacts.EuFlatDuty.Source})."));
            }
        }
        else if (destinationCountry == "GB" && CustomsFacts.UkVatAtSale.AppliesOn(on)
            && settings.ToGbp(total) is { } gbp && gbp <= CustomsFacts.UkVatAtSaleCeilingGbp && !string.IsNullOrWhiteSpace(settings.UkVatNumber))
        {
            incoterm = Incoterm.DDP;
            notes.Add(Invariant($"UK VAT was charged at sale (consignment {gbp:0.00} GBP <= {CustomsFacts.UkVatAtSaleCeilingGbp} GBP) under VAT number {settings.UkVatNumber}."));
        }
        else if (destinationCountry == "US" && CustomsFacts.UsDeMinimisSuspended.AppliesOn(on) && promised != DutiesPaidBy.Shop)
        {
            notes.Add("US de minimis is suspended: the customer pays duty on arrival (DAP); origin and HS code must be declared.");
        }
        else if (promised != DutiesPaidBy.Shop)
        {
            notes.Add("Import duty and tax are paid by the customer on delivery (DAP).");
        }

        if (promised == DutiesPaidBy.Shop && incoterm == Incoterm.DAP)
        {
            incoterm = Incoterm.DDP;
            notes.Add("The customer paid duty and import tax at checkout: the shop pays them to the carrier (DDP).");
        }

        var originTerritory = CustomsTerritory.Of(originCountry).Code;
        var exportTerritory = originCountry == "GB" ? "GB" : originTerritory;
        settings.EoriByTerritory.TryGetValue(exportTerritory, out var eori);
        if (eori is null && (exportTerritory is "EU" or "GB"))
        {
            notes.Add($"No EORI is configured for exports from {exportTerritory}; the carrier will ask for one.");
        }

        return new CustomsDeclaration(form, incoterm, Merchandise, originCountry, destinationCountry, [.. lines], ioss, eori, invoiceNumber, on, notes);
    }

    /// <summary>The same declaration with its form decided again for parcels the owner re-weighed.</summary>
    public static CustomsDeclaration Reassess(CustomsDeclaration declaration, IReadOnlyList<Parcel> parcels, CustomsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(settings);
        return declaration with { Form = FormFor(settings.ToEur(declaration.TotalValue), parcels, settings) };
    }

    // UPU Convention: a CN 22 only on a letter-post item (about 2 kg at most) whose contents are worth up to 300 SDR;
    // a CN 23 on everything else. An amount with no known EUR rate is treated as above the limit.
    private static CustomsForm FormFor(decimal? totalEur, IReadOnlyList<Parcel> parcels, CustomsSettings settings)
    {
        var heaviest = parcels.Count == 0 ? 0 : parcels.Max(p => p.WeightGrams);
        return totalEur is { } v && v <= settings.Cn22MaxValueEur && heaviest <= CustomsFacts.Cn22MaxGrams
            ? CustomsForm.CN22
            : CustomsForm.CN23;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
