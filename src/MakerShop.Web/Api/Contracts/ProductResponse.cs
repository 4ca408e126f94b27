using MakerShop.Core;

namespace MakerShop.Web.Api.Contracts;

public sealed record ProductResponse(
    string Id,
    string Name,
    string Description,
    MoneyResponse Price,
    double EstimatedPrintMinutes,
    int LeadTimeDays,
    IReadOnlyList<MaterialResponse> Materials)
{
    public static ProductResponse From(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new ProductResponse(
            product.Id, product.Name, product.Description, MoneyResponse.From(product.Price),
            Math.Round(product.EstimatedPrintTime.TotalMinutes, 1), product.LeadTimeDays,
            product.Materials.Select(m => new MaterialResponse(m.Material, m.Colour)).ToList());
    }
}
