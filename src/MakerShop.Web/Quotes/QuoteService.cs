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

    /// <param name="client">Who asks (the remote address), for the slicing queue's per-client bound.</param>
    public async Task<QuoteResponse> CreateAsync(UploadedModel upload, string? material, string? currencyCode, string client, CancellationToken cancellationToken = default)
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
            throw TooLarge(upload, facts, fleet, warnings);
        }

        // Slice for one printer model, the one the part fits best; its jobs will print only on printers of that model.
        var target = ChoosePrinterModel(fitting, chosen);
        if (target is null)
        {
            throw new QuoteRefusedException(
                "no-printer-profile",
                $"The part fits {string.Join(", ", fitting.Select(p => p.Id))}, but there is no slicer profile for their model ({string.Join(", ", fitting.Select(p => p.BuildVolume.ToString()).Distinct())}); profiles exist for {string.Join(", ", profiles.PrinterModels.Select(m => m.Name))}.")
            {
                Warnings = warnings,
            };
        }

        var (model, modelPrinters) = target.Value;
        StoredSlice slice;
        bool fromCache;
        try
        {
            (slice, fromCache) = await slicing.GetOrSliceAsync(upload.Stored, chosen, model, client, cancellationToken);
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
        var queue = new QueueLoad(TimeSpan.FromSeconds(await load.RemainingPrintSecondsAsync(cancellationToken)), modelPrinters.Count);
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
            now.AddHours(settings.ValidityHours),
            new PrinterModelResponse(model.Name, new BuildVolumeResponse(model.BedX, model.BedY, model.MaxHeight), model.NozzleDiameter, [.. modelPrinters.Select(p => p.Id)]));
        await quotes.InsertAsync(new QuoteRecord(
            id, upload.Stored.Sha256, slice.SliceKey, chosen, currency.Code, price.CustomerPrice.MinorUnits, response.CreatedAt, response.ExpiresAt,
            JsonSerializer.Serialize(response, Json)), cancellationToken);
        logger.LogInformation("Quote {QuoteId} for model {ModelSha256}: {Price} ({Material} on {PrinterProfile}, slice from cache {FromCache})", id, upload.Stored.Sha256, price.CustomerPrice.ToString(), chosen, model.Name, fromCache);
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

    /// <summary>
    /// The printer model to slice for, among the models (with a profile) of the printers the part fits: one with the
    /// material loaded on a fitting printer first, then the smallest machine (large ones stay free for large parts),
    /// then the one with more printers.
    /// </summary>
    private (PrinterModelProfile Model, List<Printer> Printers)? ChoosePrinterModel(List<Printer> fitting, string material)
    {
        var ranked = fitting
            .Select(p => (Printer: p, Model: profiles.ModelOf(p.BuildVolume.X, p.BuildVolume.Y, p.BuildVolume.Z, p.NozzleDiameter)))
            .Where(x => x.Model is not null)
            .GroupBy(x => x.Model!)
            .Select(g => (Model: g.Key, Printers: g.Select(x => x.Printer).ToList()))
            .OrderByDescending(g => g.Printers.Any(p => string.Equals(p.LoadedMaterial, material, StringComparison.OrdinalIgnoreCase)))
            .ThenBy(g => g.Model.BedX * g.Model.BedY * g.Model.MaxHeight)
            .ThenByDescending(g => g.Printers.Count)
            .ThenBy(g => g.Model.Name, StringComparer.Ordinal)
            .ToList();
        return ranked.Count == 0 ? null : ranked[0];
    }

    /// <summary>
    /// A part larger than every build volume is refused, not quoted: no printer could make it, so there is no slice,
    /// price or ship date to give. The refusal still says what was measured and what the largest machine takes.
    /// </summary>
    private static QuoteRefusedException TooLarge(UploadedModel upload, ModelFacts facts, List<Printer> fleet, IReadOnlyList<QuoteWarning> warnings)
    {
        var largest = fleet.MaxBy(p => p.BuildVolume.X * p.BuildVolume.Y * p.BuildVolume.Z)?.BuildVolume;
        var detail = largest is { } l
            ? $"At {facts.Size} the part fits no printer in the fleet; the largest build volume is {l}. Split it into pieces or scale it down, then upload it again."
            : $"At {facts.Size} the part fits no printer: there are no printers in service.";
        return new QuoteRefusedException("too-large", detail)
        {
            Title = "The part is larger than every printer's build volume.",
            Warnings = warnings,
            Details = new Dictionary<string, object?>
            {
                ["model"] = ToResponse(upload.Report.Format, facts),
                ["fitsAnyPrinter"] = false,
                ["fittingPrinters"] = Array.Empty<string>(),
                ["largestBuildVolume"] = largest is { } v ? new BuildVolumeResponse(v.X, v.Y, v.Z) : null,
            },
        };
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
            m.Health.OpenEdges, m.Health.NonManifoldEdges, m.Health.DegenerateTriangles, m.Health.InconsistentlyOrientedEdges, m.Health.ReversedStoredNormals);
    }

    private static ModelResponse ToResponse(ModelFormat format, ModelFacts facts) => new(
        format.ToString(), facts.Triangles, Math.Round(facts.VolumeMm3, 3), Math.Round(facts.SurfaceAreaMm2, 3),
        new BuildVolumeResponse(Math.Round(facts.Size.X, 3), Math.Round(facts.Size.Y, 3), Math.Round(facts.Size.Z, 3)), facts.Shells,
        facts.OpenEdges == 0 && facts.NonManifoldEdges == 0, facts.OpenEdges, facts.NonManifoldEdges, facts.DegenerateTriangles, facts.InconsistentEdges, facts.ReversedStoredNormals);
}
