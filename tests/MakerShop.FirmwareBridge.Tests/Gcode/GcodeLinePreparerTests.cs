using MakerShop.FirmwareBridge.Gcode;

namespace MakerShop.FirmwareBridge.Tests.Gcode;

public sealed class GcodeLinePreparerTests
{
    [Theory]
    [InlineData("G1 X10 Y20", "G1 X10 Y20")]
    [InlineData("  G28  ", "G28")]
    [InlineData("G1 X10 ; move to start", "G1 X10")]
    [InlineData("M104 S200\t\r", "M104 S200")]
    [InlineData("G1 X10 (move to start) Y5", "G1 X10 Y5")]
    [InlineData("(header comment) G28", "G28")]
    [InlineData("G1 X1 (unclosed comment", "G1 X1")]
    [InlineData("G1 X2 (paren) ; and semicolon", "G1 X2")]
    public void Prepare_strips_comments_and_surrounding_blanks(string raw, string expected) =>
        Assert.Equal(expected, GcodeLinePreparer.Prepare(raw));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("; LAYER:1")]
    [InlineData("   ;TYPE:WALL-OUTER")]
    [InlineData("(only a comment)")]
    public void Prepare_drops_blank_and_comment_only_lines(string raw) =>
        Assert.Null(GcodeLinePreparer.Prepare(raw));

    [Fact]
    public void A_program_keeps_only_commands_in_file_order()
    {
        var program = GcodeProgram.FromLines(["; header", "", "G28", "G1 X1 ; first", "   ", "G1 X2"]);

        Assert.Equal(["G28", "G1 X1", "G1 X2"], program.Lines);
    }
}
