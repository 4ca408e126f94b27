using MakerShop.Geometry.Tests.Support;

namespace MakerShop.Geometry.Tests.Properties;

/// <summary>
/// Every input that once crashed, hung or slipped past a check (found by the property tests or the fuzz run in
/// bench/MakerShop.Bench.Fuzz) is kept under Regressions/ and replayed with the same property: models/ through the
/// model readers, gcode/ through the G-code analyser. A new find is added by copying the saved input there.
/// </summary>
public sealed class RegressionCorpusTests
{
    public static TheoryData<string> Models() => Files("models");

    public static TheoryData<string> Gcode() => Files("gcode");

    [Theory]
    [MemberData(nameof(Models))]
    public void A_model_that_once_broke_a_reader_is_now_read_or_refused(string name) =>
        ModelReaderProperties.ReadsOrRefuses(File.ReadAllBytes(Path.Combine(Folder("models"), name)));

    [Theory]
    [MemberData(nameof(Gcode))]
    public void A_gcode_file_that_once_broke_the_analyser_is_now_analysed(string name) =>
        GcodeAnalyzerProperties.AnalysesFinitely(File.ReadAllBytes(Path.Combine(Folder("gcode"), name)));

    [Fact]
    public void The_all_zero_transform_attack_is_kept_and_refused_as_degenerate()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder("models"), "3mf-all-zero-transform.3mf"));

        var error = Assert.Throws<ModelFormatException>(() => ModelReader.Read(new MemoryStream(bytes)));

        Assert.Equal(ModelProblem.DegenerateTransform, error.Problem);
    }

    private static string Folder(string kind) => Path.Combine(AppContext.BaseDirectory, "Regressions", kind);

    private static TheoryData<string> Files(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder(kind)).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }
}
