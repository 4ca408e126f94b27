using MakerShop.Core;
using MakerShop.Storage.Migrations;

namespace MakerShop.Web.Accounts;

/// <summary>
/// <c>dotnet run --project src/MakerShop.Web -- create-owner --email ada@example.com --name "Ada"</c>: creates an owner
/// account. The password comes from MAKERSHOP_OWNER_PASSWORD, from <c>--password-file</c>, or is typed at the prompt.
/// </summary>
public static class CreateOwnerCommand
{
    public const string Name = "create-owner";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? "Owner";
        var passwordFile = Option(args, "--password-file");
        if (email is null)
        {
            await Console.Error.WriteLineAsync("Usage: create-owner --email <address> [--name <name>] [--password-file <file>]   (or set MAKERSHOP_OWNER_PASSWORD)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("MAKERSHOP_OWNER_PASSWORD")
            ?? (passwordFile is not null ? (await File.ReadAllTextAsync(passwordFile)).TrimEnd('\r', '\n') : ReadPassword());
        var hostArgs = args.Where((_, i) => !IsCommandArgument(args, i)).ToArray();
        await using var app = MakerShopHost.Create(hostArgs);
        var migrations = app.Services.GetRequiredService<MigrationRunner>();
        app.Services.GetRequiredService<MakerShop.Storage.DataPaths>().EnsureCreated();
        await migrations.ApplyAsync(MigrationCatalog.All, CancellationToken.None);
        try
        {
            var account = await app.Services.GetRequiredService<AccountService>().CreateAsync(email, name, UserRole.Owner, null, password, CancellationToken.None);
            Console.WriteLine($"Owner {account.Email} created. Sign in at /account/sign-in.");
            return 0;
        }
        catch (DomainValidationException ex)
        {
            await Console.Error.WriteLineAsync($"No owner created: {ex.Message}");
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static bool IsCommandArgument(string[] args, int index) =>
        args[index] is "--email" or "--name" or "--password-file"
        || (index > 0 && args[index - 1] is "--email" or "--name" or "--password-file");

    private static string ReadPassword()
    {
        Console.Write("Password for the new owner (at least 12 characters): ");
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? "";
        }

        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
            {
                typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return typed.ToString();
    }
}
