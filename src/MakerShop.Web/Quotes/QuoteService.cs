using System.Text.Json;
using MakerShop.Core;
using MakerShop.Core.Quotes;
using MakerShop.Geometry;
using MakerShop.Storage.Stores;
using MakerShop.Slicing;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Quotes.Contracts;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Quotes;

/// <summary>
/// Upload → measure → fit check → real slice (cached) → price → stored quote. Each step's failure is an answer the
/// customer can act on, and nothing is half stored: the model is kept only once it has been read successfully.
/// </summary>
public sealed class QuoteService(
    ModelUploads uploads,
    SliceService slicing,
    SlicerProfiles profiles,
    PrinterStore printers,
    ProductionLoadStore load,
    QuoteStore quotes,
    SliceStore slices,
    IExchangeRateProvider exchangeRates,
    IOptions<QuotingOptions> options,
    TimeProvider timeProvider,
    ILogger<QuoteService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores and measures an upload as it streams in; a file that cannot be read is refused with its problem.</summary>
    public async Task<UploadedModel> UploadAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        try
        {
            return await uploads.StoreAsync(content, fileName, cancellationToken);
        }
        catch (ModelFormatException ex)
        {
            throw new QuoteRefusedException(ex.Problem.ToString(), ex.Message, ex);
        }
    }

    public async Task<QuoteResponse> CreateAsync(UploadedModel upload, string? material, string? currencyCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var settings = options.Value;
        var chosen = ResolveMaterial(material ?? settings.DefaultMaterial);
        var currency = Currency.FromCode(string.IsNullOrWhiteSpace(currencyCode) ? settings.Currency : currencyCode);
        var rates = await exchangeRates.GetRatesAsync(cancellationToken);
        if (!rates.Supports(currency))
        {
            throw new DomainValidationException("currency", $"There is no exchange rate for {currency.Code}.");
        }

        var facts = ToFacts(upload.Report);
        var fleet = (await printers.ListWithTelemetryAsync(cancellationToken)).Select(v => v.Printer).Where(p => p.InService).ToList();
        var fitting = fleet.Where(p => facts.Size.FitsWithin(p.BuildVolume)).ToList();
        var warnings = QuoteWarnings.For(facts, fitting.Count > 0, settings.ThinPartMm);
        if (fitting.Count == 0)
        {
            var largest = fleet.Count == 0 ? "there are no printers in service" : "the largest build volume is " + fleet.MaxBy(p => p.BuildVolume.X * p.BuildVolume.Y * p.BuildVolume.Z)!.BuildVolume;
            throw new QuoteRefusedException("too-large", $"At {facts.Size} the part fits no printer in the fleet ({largest}).") { Warnings = warnings };
        }

        StoredSlice slice;
        bool fromCache;
        try
        {
            (slice, fromCache) = await slicing.GetOrSliceAsync(upload.Stored, chosen, cancellationToken);
        }
        catch (SlicingException ex)
        {
            throw new QuoteRefusedException("slice-failed", $"The model could not be sliced: {ex.Message}", ex);
        }

        var sliceFacts = SliceFacts.Create(TimeSpan.FromSeconds(slice.PrintSeconds), slice.FilamentGrams, slice.FilamentMm, (int)slice.Layers);
        var rules = Rules(settings);
        var materialPrice = new MaterialPrice(chosen, Money.FromDecimal(settings.MaterialPricePerKg[chosen], rules.Currency, MidpointRounding.AwayFromZero));
        var price = QuotePricing.Price(sliceFacts, materialPrice, rules, rates, currency);
        var now = timeProvider.GetUtcNow();
        var queue = new QueueLoad(TimeSpan.FromSeconds(await load.RemainingPrintSecondsAsync(cancellationToken)), fitting.Count);
        var shipDate = ShipDateEstimator.Estimate(now, queue, sliceFacts.PrintTime, settings.HandlingDays);
        var possible = settings.MaterialPricePerKg.Keys.Where(profiles.Supports).Order(StringComparer.OrdinalIgnoreCase)
            .Select(m => new MaterialAvailabilityResponse(m, fitting.Any(p => string.Equals(p.LoadedMaterial, m, StringComparison.OrdinalIgnoreCase))))
            .ToList();

        var id = "quo_" + Guid.CreateVersion7().ToString("N");
        var response = new QuoteResponse(
            id,
            upload.FileName,
            upload.Stored.Sha256,
            ToResponse(upload.Report.Format, facts),
            chosen,
            possible,
            new SliceResponse(slice.PrintSeconds, Math.Round(slice.FilamentGrams, 2), Math.Round(slice.FilamentMm, 1), (int)slice.Layers, slice.Slicer, fromCache, slice.GcodeSha256),
            new QuotePriceResponse(
                MoneyResponse.From(price.CustomerPrice), MoneyResponse.From(price.Total), price.ExchangeRate, MoneyResponse.From(price.Setup),
                MoneyResponse.From(price.Material), MoneyResponse.From(price.Machine), MoneyResponse.From(price.Margin), MoneyResponse.From(price.MinimumTopUp)),
            true,
            [.. fitting.Select(p => p.Id)],
            [.. warnings.Select(w => new QuoteWarningResponse(w.Code, w.Message))],
            shipDate,
            now,
            now.AddHours(settings.ValidityHours));
        await quotes.InsertAsync(new QuoteRecord(
            id, upload.Stored.Sha256, slice.SliceKey, chosen, currency.Code, price.CustomerPrice.MinorUnits, response.CreatedAt, response.ExpiresAt,
            JsonSerializer.Serialize(response, Json)), cancellationToken);
        logger.LogInformation("Quote {QuoteId} for model {ModelSha256}: {Price} ({Material}, slice from cache {FromCache})", id, upload.Stored.Sha256, price.CustomerPrice.ToString(), chosen, fromCache);
        return response;
    }

    public async Task<QuoteResponse?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var record = await quotes.GetAsync(id, cancellationToken);
        return record is null ? null : JsonSerializer.Deserialize<QuoteResponse>(record.Document, Json);
    }

    public async Task<OrderableQuote?> GetForOrderAsync(string id, CancellationToken cancellationToken = default)
    {
        var record = await quotes.GetAsync(id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var slice = await slices.GetAsync(record.SliceKey, cancellationToken)
            ?? throw new InvalidOperationException($"Quote {id} refers to slice {record.SliceKey}, which is not stored.");
        return new OrderableQuote(record, JsonSerializer.Deserialize<QuoteResponse>(record.Document, Json)!, slice);
    }

    private string ResolveMaterial(string material)
    {
        var settings = options.Value;
        var known = settings.MaterialPricePerKg.Keys.FirstOrDefault(k => string.Equals(k, material.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is null || !profiles.Supports(known))
        {
            throw new DomainValidationException("material", $"'{material}' is not a material the shop quotes; choose one of {string.Join(", ", settings.MaterialPricePerKg.Keys.Where(profiles.Supports))}.");
        }

        return known;
    }

    private static PricingRules Rules(QuotingOptions settings)
    {
        var currency = Currency.FromCode(settings.Currency);
        return new PricingRules(
            Money.FromDecimal(settings.SetupFee, currency, MidpointRounding.AwayFromZero),
            Money.FromDecimal(settings.HourlyRate, currency, MidpointRounding.AwayFromZero),
            Money.FromDecimal(settings.MinimumPrice, currency, MidpointRounding.AwayFromZero),
            settings.Margin);
    }

    private static ModelFacts ToFacts(ModelReport report)
    {
        var m = report.Metrics;
        var size = m.Bounds.Size;
        return new ModelFacts(m.Triangles, m.Volume, m.SurfaceArea, new Size3(size.X, size.Y, size.Z), m.Shells,
            m.Health.OpenEdges, m.Health.NonManifoldEdges, m.Health.DegenerateTriangles, m.Health.InconsistentlyOrientedEdges);
    }

    private static ModelResponse ToResponse(ModelFormat format, ModelFacts facts) => new(
        format.ToString(), facts.Triangles, Math.Round(facts.VolumeMm3, 3), Math.Round(facts.SurfaceAreaMm2, 3),
        new BuildVolumeResponse(Math.Round(facts.Size.X, 3), Math.Round(facts.Size.Y, 3), Math.Round(facts.Size.Z, 3)), facts.Shells,
        facts.OpenEdges == 0 && facts.NonManifoldEdges == 0, facts.OpenEdges, facts.NonManifoldEdges, facts.DegenerateTriangles, facts.InconsistentEdges);
}
