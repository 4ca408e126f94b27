using MakerShop.Storage.Stores;
using MakerShop.Web.Quotes;

namespace MakerShop.Web.Storefront.Catalog;

/// <summary>The uploaded model behind a quote, for its 3D preview; the quote id is the key to it.</summary>
public static class QuoteModelEndpoint
{
    public static async Task<IResult> GetAsync(string id, QuoteService quotes, ModelStore models, ModelUploads uploads, CancellationToken cancellationToken)
    {
        var quote = await quotes.GetAsync(id, cancellationToken);
        var model = quote is null ? null : await models.GetAsync(quote.ModelSha256, cancellationToken);
        if (model is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such quote", detail: $"There is no quote '{id}'.");
        }

        return Results.File(uploads.FullPath(model), "application/octet-stream", enableRangeProcessing: true);
    }
}
