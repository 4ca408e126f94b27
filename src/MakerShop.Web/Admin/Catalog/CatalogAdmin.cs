using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Admin.Catalog;

/// <summary>The owner's catalog changes: each is checked before anything is stored, and a refused G-code changes nothing.</summary>
public sealed class CatalogAdmin(CatalogAdminStore store, ProductGcodeUploads uploads, TimeProvider time, ILogger<CatalogAdmin> logger)
{
    public async Task<string> CreateAsync(string? id, ProductInput input, MaterialOption firstVariant, Stream? gcode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var productId = id?.Trim().ToLowerInvariant();
        if (!ProductInput.IsValidId(productId))
        {
            throw new DomainValidationException("id", "The product id is 2 to 60 lower-case letters, digits and dashes, starting with a letter or digit.");
        }

        if (await store.ExistsAsync(productId!, cancellationToken))
        {
            throw new DomainValidationException("id", $"There is already a product '{productId}'.");
        }

        // Everything typed is checked before the file is read, so a typo does not cost an upload.
        var details = input.ApplyTo(new ProductDetails { Id = productId! });
        if (gcode is null)
        {
            throw new DomainValidationException("gcode", "A new product needs its G-code file.");
        }

        var analysed = await uploads.StoreAsync(gcode, cancellationToken);
        details = details with
        {
            GcodePath = analysed.Gcode.RelativePath,
            GcodeSha256 = analysed.Gcode.Sha256,
            GcodeSize = analysed.Gcode.SizeBytes,
            EstimatedPrintSeconds = (long)analysed.PrintTime.TotalSeconds,
            FilamentGrams = analysed.FilamentGrams,
            PartX = input.PartSize()?.X ?? analysed.PartSize.X,
            PartY = input.PartSize()?.Y ?? analysed.PartSize.Y,
            PartZ = input.PartSize()?.Z ?? analysed.PartSize.Z,
        };
        await store.InsertAsync(details, firstVariant, time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Product {ProductId} added to the catalog", productId);
        return productId!;
    }

    public async Task UpdateAsync(string id, ProductInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = await store.GetAsync(id, cancellationToken) ?? throw new AdminNotFoundException($"product {id}");
        await store.UpdateDetailsAsync(input.ApplyTo(current), cancellationToken);
    }

    /// <summary>
    /// The product prints from a new file; its part size comes from the file's analysis (the scheduler fits jobs to
    /// printers by it), unless the owner gives one with the upload, which wins as it does when a product is created.
    /// </summary>
    public async Task<AnalysedGcode> ReplaceGcodeAsync(string id, Stream gcode, Size3? ownerPartSize = null, CancellationToken cancellationToken = default)
    {
        _ = await store.GetAsync(id, cancellationToken) ?? throw new AdminNotFoundException($"product {id}");
        var analysed = await uploads.StoreAsync(gcode, cancellationToken);
        await store.ReplaceGcodeAsync(id, analysed.Gcode, analysed.PrintTime, analysed.FilamentGrams, ownerPartSize ?? analysed.PartSize, cancellationToken);
        logger.LogInformation("Product {ProductId} prints from new G-code {Sha256}", id, analysed.Gcode.Sha256);
        return analysed;
    }

    public async Task<bool> AddVariantAsync(string id, MaterialOption variant, CancellationToken cancellationToken = default)
    {
        _ = await store.GetAsync(id, cancellationToken) ?? throw new AdminNotFoundException($"product {id}");
        return await store.AddVariantAsync(id, variant, cancellationToken);
    }

    public async Task RemoveVariantAsync(string id, MaterialOption variant, CancellationToken cancellationToken = default)
    {
        switch (await store.RemoveVariantAsync(id, variant, cancellationToken))
        {
            case VariantRemoval.LastVariant:
                throw new DomainValidationException("material", "A product keeps at least one material and colour; add another first, or retire the product.");
            case VariantRemoval.NotFound:
                throw new AdminNotFoundException($"variant {variant.Material} {variant.Colour} of product {id}");
        }
    }

    public async Task SetRetiredAsync(string id, bool retired, CancellationToken cancellationToken = default)
    {
        if (!await store.SetRetiredAsync(id, retired ? time.GetUtcNow() : null, cancellationToken))
        {
            throw new AdminNotFoundException($"product {id}");
        }
    }
}
