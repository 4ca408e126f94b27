using MakerShop.Core;

namespace MakerShop.Core.Tests;

public sealed class FilamentColoursTests
{
    [Theory]
    [InlineData("FFFFFFFF", "white")]
    [InlineData("F7F6F0FF", "white")]
    [InlineData("000000FF", "black")]
    [InlineData("161616FF", "black")]
    [InlineData("8E9089FF", "grey")]
    [InlineData("C12E1FFF", "red")]
    [InlineData("FF6A13FF", "orange")]
    [InlineData("F4EE2AFF", "yellow")]
    [InlineData("00AE42FF", "green")]
    [InlineData("0A2989FF", "blue")]
    [InlineData("#0086D6", "blue")]
    public void A_reported_hex_colour_reads_as_the_nearest_colour_word(string hex, string word) =>
        Assert.Equal(word, FilamentColours.NameOf(hex));

    [Theory]
    [InlineData("")]
    [InlineData("white")]
    [InlineData("12345")]
    [InlineData(null)]
    public void Something_that_is_not_a_hex_colour_has_no_word(string? hex) => Assert.Null(FilamentColours.NameOf(hex));
}
