namespace MakerShop.Printers.Http;

/// <summary>The HTTP printers the shop drives and their connection settings; the host keeps them in its database.</summary>
public interface IHttpPrinterDirectory
{
    Task<IReadOnlyList<HttpPrinterEndpoint>> ListAsync(CancellationToken cancellationToken = default);

    Task<HttpPrinterEndpoint?> FindAsync(string printerId, CancellationToken cancellationToken = default);
}
