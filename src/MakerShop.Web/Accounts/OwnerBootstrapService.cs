using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Accounts;

/// <summary>Creates the first owner from configuration when the shop has none; does nothing once one exists.</summary>
public sealed class OwnerBootstrapService(
    IOptions<OwnerBootstrapOptions> options,
    UserStore users,
    AccountService accounts,
    ILogger<OwnerBootstrapService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Email) || await users.CountAsync(UserRole.Owner, cancellationToken) > 0)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.PasswordFile) || !File.Exists(settings.PasswordFile))
        {
            logger.LogWarning("MakerShop:Owner:Email is set but MakerShop:Owner:PasswordFile does not name a readable file; no owner was created. Use `create-owner` instead.");
            return;
        }

        var password = (await File.ReadAllTextAsync(settings.PasswordFile, cancellationToken)).TrimEnd('\r', '\n');
        await accounts.CreateAsync(settings.Email, settings.Name ?? "Owner", UserRole.Owner, null, password, cancellationToken);
        logger.LogInformation("First owner {Email} created from configuration", settings.Email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
