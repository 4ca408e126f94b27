using CsCheck;

namespace MakerShop.Core.Tests.Geography;

/// <summary>
/// The address contract, over any input a checkout form or a marketplace could send: <see cref="Address.Validate"/>
/// returns or throws <see cref="DomainValidationException"/> naming a field of the address, and
/// <see cref="AddressCheck.Problems"/> returns (never throws). The rules themselves are tested elsewhere.
/// </summary>
public sealed class AddressProperties
{
    private static readonly Gen<string?> Text = Gen.OneOf(
        Gen.Const((string?)null),
        Gen.OneOf<string?>("", " ", "\t\n", "Lyon", "69001", "SW1A 1AA", "10115", "K1A 0B1", "999999999999", "é", "🙂", "\u0000", "O'Brien-Smith, Jr.", new string('x', 5000)),
        Gen.String.Select(s => (string?)s),
        Gen.Char["0123456789 -ABCDEFGHJKLMNPRSTUVWXYZ"].Array[0, 12].Select(c => (string?)new string(c)));

    private static readonly Gen<string?> Country = Gen.OneOf(
        Gen.OneOf<string?>("FR", "DE", "GB", "US", "CA", "JP", "CH", "AU", "BR", "IE", "NL", "fr", "F", "FRA", "XX", "ZZ", "", null, "  ", "\u0130T"),
        Gen.Char['A', 'Z'].Array[2].Select(c => (string?)new string(c)),
        Gen.String.Select(s => (string?)s));

    private static readonly Gen<Address> Addresses = Gen.Select(Text, Text, Text, Text, Text, Text, Country,
        (name, line1, line2, city, postal, region, country) => new Address(name!, line1!, line2, city!, postal!, region, country!));

    [Fact]
    public void Validating_any_address_returns_or_names_one_of_its_fields() =>
        Addresses.Sample(address =>
        {
            try
            {
                Address.Validate(address);
            }
            catch (DomainValidationException ex)
            {
                Assert.StartsWith("shippingAddress", ex.Field, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
        }, iter: 3000, threads: 1);

    [Fact]
    public void Checking_any_address_lists_its_problems_without_throwing() =>
        Addresses.Sample(address =>
        {
            var problems = AddressCheck.Problems(address);
            Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Field)));
        }, iter: 3000, threads: 1);
}
