using MakerShop.Storage.Migrations;
using MakerShop.Web;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.Options;

try
{
    if (args is [CreateOwnerCommand.Name, ..])
    {
        return await CreateOwnerCommand.RunAsync(args[1..]);
    }

    await MakerShopHost.Create(args).RunAsync();
    return 0;
}
catch (Exception ex) when (ex is SchemaTooNewException or OptionsValidationException)
{
    // Expected start-up refusals: say what is wrong in one readable line instead of a stack trace.
    await Console.Error.WriteLineAsync($"MakerShop did not start: {ex.Message}");
    return 1;
}
