namespace MakerShop.Core;

/// <summary>
/// The checkout's tax decision for a B2C parcel, following the reference's decision procedure (fulfilment.md §3.7).
/// Product and shipping prices are net; the tax is added on top so the customer sees one landed total. Thresholds are
/// tested against the goods' intrinsic value (transport excluded), converted with the rate the caller supplies.
/// </summary>
public sealed class CheckoutTaxRules(VatRateTable rates, SellerTaxProfile seller, Func<Money, Currency, Money> convert)
{
    public static readonly Money IossThreshold = Money.FromDecimal(150m, Currency.Eur, MidpointRounding.AwayFromZero);
    public static readonly Money UkLowValueThreshold = Money.FromDecimal(135m, Currency.Gbp, MidpointRounding.AwayFromZero);
    public static readonly Money AustralianLowValueThreshold = Money.FromDecimal(1000m, Currency.Aud, MidpointRounding.AwayFromZero);
    public static readonly Money SwissMinimumTax = Money.FromDecimal(5m, Currency.Chf, MidpointRounding.AwayFromZero);

    /// <summary>The EU's interim flat duty on low-value parcels, per distinct tariff line, from 1 July 2026.</summary>
    public static readonly Money EuLowValueDutyPerTariffLine = Money.FromDecimal(3m, Currency.Eur, MidpointRounding.AwayFromZero);
    public static readonly DateOnly EuLowValueDutyFrom = new(2026, 7, 1);

    public TaxDecision Decide(TaxQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Goods.Currency != question.Shipping.Currency)
        {
            throw new DomainException("Goods and shipping must be priced in the same currency.");
        }

        if (question.TariffLines < 1)
        {
            throw new DomainValidationException("tariffLines", "A parcel holds at least one tariff line.");
        }

        var from = question.ShipFromCountry;
        var to = TaxTerritoryOf(question.DestinationCountry, question.DestinationPostalCode);
        var fromEu = InEuVatArea(from);
        var toEu = InEuVatArea(to);

        if (from == to || (from == "GB" && to == "XI"))
        {
            return Domestic(question, to);
        }

        if (fromEu && toEu)
        {
            return IntraEu(question, from, to);
        }

        if (toEu)
        {
            return EuImport(question, to);
        }

        return to switch
        {
            "GB" => GreatBritain(question),
            "US" => UnitedStates(question),
            "AU" => Australia(question),
            "CH" or "LI" => Switzerland(question),
            _ => OtherImport(question, to),
        };
    }

    public LandedPrice Land(TaxQuestion question) => LandedPrice.From(question, Decide(question));

    // Northern Ireland follows the EU's rules for goods, which the customs data marks as XI; the country code alone
    // says GB, so the postcode area (BT) decides.
    private static string TaxTerritoryOf(string country, string? postalCode) =>
        country == "GB" && postalCode is not null && postalCode.TrimStart().StartsWith("BT", StringComparison.OrdinalIgnoreCase)
            ? "XI"
            : country;

    // Northern Ireland (XI) trades goods under the EU's rules and Monaco is inside the French VAT area; both keep
    // their own rate table entries (UK and French VAT).
    private static bool InEuVatArea(string country) => CustomsTerritory.IsEuMember(country) || country is "XI" or "MC";

    private static string RateCountry(string country) => country switch
    {
        "XI" => "GB",
        "MC" => "FR",
        _ => country,
    };

    private TaxDecision Domestic(TaxQuestion q, string country)
    {
        var rate = rates.Find(RateCountry(country), q.TaxPoint);
        if (rate is null)
        {
            // Sales taxes without a VAT (US states) were not researched; nothing is charged rather than a guess.
            return new TaxDecision(TaxRegime.Domestic, country, 0m, Zero(q), Zero(q), DutiesPaidBy.NoBorder,
                $"Domestic sale in {country}: no VAT configured for {country}.");
        }

        return Charged(q, TaxRegime.Domestic, country, rate.Rate, DutiesPaidBy.NoBorder,
            $"Domestic sale: {country} VAT at {Percent(rate.Rate)}.");
    }

    private TaxDecision IntraEu(TaxQuestion q, string from, string to)
    {
        if (seller.OssDestinationTaxation)
        {
            var destination = rates.Require(RateCountry(to), q.TaxPoint);
            return Charged(q, TaxRegime.IntraEuOss, to, destination.Rate, DutiesPaidBy.NoBorder,
                $"EU distance sale above the €10,000 threshold: {to} VAT at {Percent(destination.Rate)}, declared through the Union OSS.");
        }

        var home = rates.Require(RateCountry(from), q.TaxPoint);
        return Charged(q, TaxRegime.IntraEuHomeRate, from, home.Rate, DutiesPaidBy.NoBorder,
            $"EU distance sale below the €10,000 threshold: {from} VAT at {Percent(home.Rate)}.");
    }

    private TaxDecision EuImport(TaxQuestion q, string to)
    {
        var country = RateCountry(to);
        var lowValue = convert(q.Goods, Currency.Eur).MinorUnits <= IossThreshold.MinorUnits;
        var interimDuty = lowValue && q.TaxPoint >= EuLowValueDutyFrom
            ? convert(EuLowValueDutyPerTariffLine.MultiplyBy(q.TariffLines), q.Goods.Currency)
            : Zero(q);
        if (lowValue && seller.IossNumber is not null)
        {
            var rate = rates.Require(country, q.TaxPoint);
            var decision = Charged(q, TaxRegime.EuImportIoss, country, rate.Rate, DutiesPaidBy.Shop,
                $"Import into the EU up to €150 under IOSS {seller.IossNumber}: {country} VAT at {Percent(rate.Rate)} collected now"
                + (interimDuty.IsZero ? "." : $", with the EU's €3 duty per tariff line ({q.TariffLines})."));
            return decision with { Duties = interimDuty };
        }

        var why = lowValue
            ? "Import into the EU up to €150 without IOSS: import VAT and a carrier fee are due on delivery."
            : "Import into the EU above €150: import VAT and duty are due on delivery.";
        return new TaxDecision(TaxRegime.EuImport, country, 0m, Zero(q), Zero(q), DutiesPaidBy.Customer, why);
    }

    private TaxDecision GreatBritain(TaxQuestion q)
    {
        var lowValue = convert(q.Goods, Currency.Gbp).MinorUnits <= UkLowValueThreshold.MinorUnits;
        if (!lowValue)
        {
            return new TaxDecision(TaxRegime.UkImport, "GB", 0m, Zero(q), Zero(q), DutiesPaidBy.Customer,
                "Import into Great Britain above £135: import VAT and duty are due on delivery.");
        }

        if (seller.UkVatNumber is null)
        {
            // Below £135 the seller must charge UK VAT, which needs a registration the shop does not have.
            throw new DomainValidationException("shippingAddress.countryCode",
                "We cannot ship parcels of £135 or less to Great Britain until the shop is registered for UK VAT.");
        }

        var rate = rates.Require("GB", q.TaxPoint);
        return Charged(q, TaxRegime.UkPointOfSale, "GB", rate.Rate, DutiesPaidBy.Shop,
            $"Great Britain up to £135: UK VAT at {Percent(rate.Rate)} charged now (VAT {seller.UkVatNumber}).");
    }

    private TaxDecision UnitedStates(TaxQuestion q)
    {
        // No de minimis: every US-bound parcel owes duty by HS code and origin.
        if (seller.DutyEstimates.TryGetValue("US", out var dutyRate))
        {
            var duty = q.Goods.Multiply(dutyRate, MidpointRounding.AwayFromZero);
            return new TaxDecision(TaxRegime.UsImport, "US", 0m, Zero(q), duty, DutiesPaidBy.Shop,
                $"United States: no VAT, no duty-free threshold; estimated duty of {Percent(dutyRate)} collected now (DDP).");
        }

        return new TaxDecision(TaxRegime.UsImport, "US", 0m, Zero(q), Zero(q), DutiesPaidBy.Customer,
            "United States: no VAT and no duty-free threshold; duty is due on delivery.");
    }

    private TaxDecision Australia(TaxQuestion q)
    {
        var lowValue = convert(q.Goods, Currency.Aud).MinorUnits <= AustralianLowValueThreshold.MinorUnits;
        if (lowValue && seller.AustralianArn is not null)
        {
            var rate = rates.Require("AU", q.TaxPoint);
            return Charged(q, TaxRegime.AustraliaPointOfSale, "AU", rate.Rate, DutiesPaidBy.Shop,
                $"Australia up to A$1,000: GST at {Percent(rate.Rate)} charged now (ARN {seller.AustralianArn}).");
        }

        var why = lowValue
            ? "Australia up to A$1,000, shop not registered for GST: any GST is settled on delivery."
            : "Australia above A$1,000: GST and duty are due on delivery.";
        return new TaxDecision(TaxRegime.AustraliaImport, "AU", 0m, Zero(q), Zero(q), DutiesPaidBy.Customer, why);
    }

    private TaxDecision Switzerland(TaxQuestion q)
    {
        var rate = rates.Require("CH", q.TaxPoint);
        if (seller.SwissVatRegistered)
        {
            return Charged(q, TaxRegime.SwissRegistered, "CH", rate.Rate, DutiesPaidBy.Shop,
                $"Switzerland, shop registered under the mail-order rule: Swiss VAT at {Percent(rate.Rate)} charged now.");
        }

        // Import VAT is levied on goods and transport; the administration waives it when it would be CHF 5 or less.
        var base_ = convert(q.Goods + q.Shipping, Currency.Chf);
        var importVat = base_.Multiply(rate.Rate, MidpointRounding.AwayFromZero);
        if (importVat.MinorUnits <= SwissMinimumTax.MinorUnits)
        {
            return new TaxDecision(TaxRegime.SwissImport, "CH", 0m, Zero(q), Zero(q), DutiesPaidBy.Shop,
                $"Switzerland: the import VAT ({importVat}) is CHF 5 or less, so none is levied and nothing is due on delivery.");
        }

        return new TaxDecision(TaxRegime.SwissImport, "CH", 0m, Zero(q), Zero(q), DutiesPaidBy.Customer,
            $"Switzerland: import VAT of about {importVat} and a clearance fee are due on delivery.");
    }

    private static TaxDecision OtherImport(TaxQuestion q, string to) =>
        new(TaxRegime.Import, to, 0m, Zero(q), Zero(q), DutiesPaidBy.Customer,
            $"Import into {to}: local taxes and duties may be due on delivery.");

    private static TaxDecision Charged(TaxQuestion q, TaxRegime regime, string country, decimal rate, DutiesPaidBy paidBy, string why)
    {
        // Shipping follows the goods for VAT, so the base is both; rounded once, half away from zero.
        var tax = (q.Goods + q.Shipping).Multiply(rate, MidpointRounding.AwayFromZero);
        return new TaxDecision(regime, country, rate, tax, Zero(q), paidBy, why);
    }

    private static Money Zero(TaxQuestion q) => Money.Zero(q.Goods.Currency);

    private static string Percent(decimal rate) =>
        (rate * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " %";
}
