using System.Runtime.InteropServices;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Caching.Memory;

namespace MakerShop.Web.Storefront.Catalog;

/// <summary>Serves a catalog product's toolpath for the 3D preview; cached by the G-code's hash, which is also the ETag.</summary>
public static class ProductPreviewEndpoint
{
    public static async Task<IResult> GetAsync(string id, ProductStore products, DataPaths paths, IMemoryCache cache, HttpContext context, CancellationToken cancellationToken)
    {
        var product = await products.GetAsync(id, cancellationToken);
        if (product is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such product", detail: $"There is no product '{id}'.");
        }

        var etag = $"\"{product.Gcode.Sha256}\"";
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var segments = await cache.GetOrCreateAsync("preview:" + product.Gcode.Sha256, async entry =>
        {
            entry.SetSlidingExpiration(TimeSpan.FromHours(1));
            var path = Path.GetFullPath(Path.Combine(paths.DataDirectory, product.Gcode.RelativePath));
            return await ToolpathPreview.ReadAsync(path, cancellationToken);
        }) ?? [];
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(MemoryMarshal.AsBytes(segments.AsSpan()).ToArray(), "application/octet-stream");
    }
}
