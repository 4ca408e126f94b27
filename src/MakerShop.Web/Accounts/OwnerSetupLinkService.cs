using MakerShop.Web.Production;

namespace MakerShop.Web.Accounts;

/// <summary>
/// At start, when the shop has no owner (after the configured bootstrap had its chance), issues a set-up token and,
/// once the host listens, logs the link at Warning so it shows on the console and in the log file with the default
/// levels. A token in a log line is normally a leak; this one is the point of the line, it opens nothing once an owner
/// exists, and a restart replaces it.
/// </summary>
public sealed class OwnerSetupLinkService(
    OwnerSetupService setup,
    ShopUrls urls,
    IHostApplicationLifetime lifetime,
    ILogger<OwnerSetupLinkService> logger) : IHostedService
{
    public const string Path = "/setup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await setup.IssueAsync(cancellationToken) is not { } token)
        {
            return;
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var link = $"{Path}?token={token}";
            try
            {
                link = new Uri(urls.BaseUrl, link).ToString();
            }
            catch (InvalidOperationException)
            {
                // No address known (no PublicBaseUrl, no listener): the path alone still tells the owner what to open.
            }

            logger.LogWarning(
                "This shop has no owner yet. Open {SetupLink} in a browser to create the owner's account. The link works once, only until an owner exists; each start prints a new one",
                link);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
