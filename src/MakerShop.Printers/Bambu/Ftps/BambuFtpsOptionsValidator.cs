using Microsoft.Extensions.Options;

namespace MakerShop.Printers.Bambu.Ftps;

/// <summary>Names every setting of <c>Printers:BambuFtps</c> that cannot work, all at once, when the host starts.</summary>
internal sealed class BambuFtpsOptionsValidator : IValidateOptions<BambuFtpsOptions>
{
    public ValidateOptionsResult Validate(string? name, BambuFtpsOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
