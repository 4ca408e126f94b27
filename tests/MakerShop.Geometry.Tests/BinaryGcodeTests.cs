using System.Buffers.Binary;
using System.Text;
using MakerShop.Geometry.Gcode;

namespace MakerShop.Geometry.Tests;

/// <summary>
/// Prusa's binary G-code (libbgcode's layout: the <c>GCDE</c> header, then blocks) is named for what it is wherever a
/// file is read, never taken for a broken mesh or for G-code without moves.
/// </summary>
public sealed class BinaryGcodeTests
{
    [Fact]
    public void The_gcode_analyser_refuses_binary_gcode_by_name_with_the_way_to_export_plain_gcode()
    {
        using var file = new MemoryStream(Bgcode());

        var refused = Assert.Throws<ModelFormatException>(() => GcodeAnalyzer.Analyze(file));

        Assert.Equal(ModelProblem.BinaryGcode, refused.Problem);
        Assert.Equal(BinaryGcode.PlainGcodeOnly, refused.Message);
        Assert.Contains(".bgcode", refused.Message, StringComparison.Ordinal);
        Assert.Contains("binary G-code switched off", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gcode_analyser_reads_binary_gcode_from_a_stream_it_cannot_seek_just_the_same()
    {
        using var file = new ForwardOnly(Bgcode());

        var refused = Assert.Throws<ModelFormatException>(() => GcodeAnalyzer.Analyze(file));

        Assert.Equal(ModelProblem.BinaryGcode, refused.Problem);
    }

    [Fact]
    public void The_model_reader_says_binary_gcode_is_a_sliced_print_not_a_model()
    {
        using var file = new MemoryStream(Bgcode());

        var refused = Assert.Throws<ModelFormatException>(() => ModelReader.Read(file));

        Assert.Equal(ModelProblem.BinaryGcode, refused.Problem);
        Assert.Equal(BinaryGcode.NotAModel, refused.Message);
    }

    [Fact]
    public void Plain_gcode_that_mentions_GCDE_in_a_comment_is_still_read_as_gcode()
    {
        using var file = new MemoryStream(Encoding.ASCII.GetBytes("; GCDE is the bgcode magic\nG28\nG1 X10 Y10 E1 F1200\nG1 X20 E2\n"));

        var analysis = GcodeAnalyzer.Analyze(file);

        Assert.Equal(2, analysis.Moves);
        Assert.True(analysis.FilamentMm > 0);
    }

    /// <summary>A small binary G-code file: header (magic, version 1, CRC32 checksums) and one uncompressed INI file-metadata block.</summary>
    internal static byte[] Bgcode()
    {
        using var memory = new MemoryStream();
        using var writer = new BinaryWriter(memory);
        writer.Write("GCDE"u8);
        writer.Write(1u);
        writer.Write((ushort)1);
        var metadata = "Producer=PrusaSlicer 2.8.1\n"u8.ToArray();
        var block = new byte[8 + 2 + metadata.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(block, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(block.AsSpan(2), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(4), (uint)metadata.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(block.AsSpan(8), 0);
        metadata.CopyTo(block, 10);
        writer.Write(block);
        // The block's CRC32 (the shop stops at the magic, so its value does not matter here).
        writer.Write(0u);
        return memory.ToArray();
    }

    private sealed class ForwardOnly(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
