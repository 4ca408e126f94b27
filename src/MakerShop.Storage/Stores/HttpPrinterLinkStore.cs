using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>The addresses and API keys of HTTP printers registered from the maker area.</summary>
public sealed class HttpPrinterLinkStore(SqliteConnectionFactory connections)
{
    public static Task InsertAsync(DbSession session, HttpPrinterLink link, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(link);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO http_printer_links (printer_id, base_url, api_key, bambu_serial, bambu_certificate_sha256, bambu_ftps_port, created_at, updated_at) "
            + "VALUES (@PrinterId, @BaseUrl, @ApiKey, @BambuSerial, @BambuCertificateSha256, @BambuFtpsPort, @Now, @Now)",
            new { link.PrinterId, BaseUrl = link.BaseUrl.AbsoluteUri, link.ApiKey, link.BambuSerial, link.BambuCertificateSha256, link.BambuFtpsPort, Now = DbTime.Write(now) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<HttpPrinterLink>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string PrinterId, string BaseUrl, string ApiKey, string? BambuSerial, string? BambuCertificateSha256, long? BambuFtpsPort)>(new CommandDefinition(
            "SELECT printer_id, base_url, api_key, bambu_serial, bambu_certificate_sha256, bambu_ftps_port FROM http_printer_links ORDER BY printer_id", cancellationToken: cancellationToken));
        return [.. rows.Select(r => new HttpPrinterLink(r.PrinterId, new Uri(r.BaseUrl), r.ApiKey)
        {
            BambuSerial = r.BambuSerial,
            BambuCertificateSha256 = r.BambuCertificateSha256,
            BambuFtpsPort = r.BambuFtpsPort is { } port ? (int)port : null,
        })];
    }
}
