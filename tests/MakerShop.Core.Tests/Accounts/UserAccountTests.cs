namespace MakerShop.Core.Tests.Accounts;

public class UserAccountTests
{
    [Fact]
    public void An_email_is_one_account_whatever_its_case_and_spaces() =>
        Assert.Equal("ada@example.com", UserAccount.Create("u1", "  Ada@Example.COM ", "Ada", UserRole.Owner, null).Email);

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ada@localhost")]
    [InlineData("Ada Lovelace <ada@example.com>")]
    [InlineData("")]
    public void A_malformed_email_is_refused_by_name(string email) =>
        Assert.Equal("email", Assert.Throws<DomainValidationException>(() => UserAccount.Create("u1", email, "Ada", UserRole.Owner, null)).Field);

    [Fact]
    public void A_maker_account_needs_its_maker_and_an_owner_account_has_none()
    {
        Assert.Equal("makerId", Assert.Throws<DomainValidationException>(() => UserAccount.Create("u1", "m@example.com", "M", UserRole.Maker, null)).Field);
        Assert.Equal("makerId", Assert.Throws<DomainValidationException>(() => UserAccount.Create("u1", "o@example.com", "O", UserRole.Owner, "maker-1")).Field);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("ababababababab")]
    [InlineData("ada@example.com")]
    [InlineData("            ")]
    public void A_weak_password_is_refused(string password) =>
        Assert.Equal("password", Assert.Throws<DomainValidationException>(() => PasswordPolicy.Check(password, "ada@example.com")).Field);

    [Fact]
    public void A_long_passphrase_is_accepted() =>
        PasswordPolicy.Check("correct horse battery staple", "ada@example.com");
}
