namespace MakerShop.Core.Tests.Accounts;

/// <summary>Each refused password names the rule it breaks, so pages can say why in the reader's language.</summary>
public class PasswordPolicyTests
{
    [Theory]
    [InlineData(null, PasswordProblem.TooShort)]
    [InlineData("", PasswordProblem.TooShort)]
    [InlineData("eleven char", PasswordProblem.TooShort)]
    [InlineData("aaaaaaaaaaaaaaaa", PasswordProblem.TooFewDifferentCharacters)]
    [InlineData("abcdabcdabcdabcd", PasswordProblem.TooFewDifferentCharacters)]
    [InlineData("            ", PasswordProblem.TooFewDifferentCharacters)]
    [InlineData(" Ada@Example.com ", PasswordProblem.IsTheEmailAddress)]
    public void A_refused_password_names_the_rule_it_breaks(string? password, PasswordProblem expected) =>
        Assert.Equal(expected, PasswordPolicy.Find(password, "ada@example.com"));

    [Fact]
    public void A_password_longer_than_the_maximum_is_too_long() =>
        Assert.Equal(PasswordProblem.TooLong, PasswordPolicy.Find(string.Concat(Enumerable.Repeat("abcdef", 43)), "ada@example.com"));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("abcde-abcde-")]
    public void An_acceptable_password_has_no_problem_and_passes_the_check(string password)
    {
        Assert.Null(PasswordPolicy.Find(password, "ada@example.com"));
        PasswordPolicy.Check(password, "ada@example.com");
    }
}
