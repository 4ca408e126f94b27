using System.Text;
using MakerShop.Geometry.Gcode;

namespace MakerShop.Geometry.Tests;

/// <summary>
/// Each slicer's own time and filament comments, written as that slicer writes them (header and footer lines as found
/// in its public G-code), around the same 20 mm of extrusion, with 2.85 mm filament.
/// </summary>
public sealed class SlicerCommentTests
{
    // Relative extrusion, 20 mm of filament in two 50 mm lines.
    private const string Moves = "G21\nG90\nM83\nG1 Z0.2 F600\nG1 X0 Y0 F3000\nG1 X50 Y0 E10 F1200\nG1 X50 Y50 E10\n";
    private const double MovesFilamentMm = 20;

    [Fact]
    public void KISSlicer_build_time_extruder_length_and_fiber_diameter_are_read()
    {
        var analysis = Analyze(
            "; KISSlicer - FREE\n; Linux\n; version 1.6.3 Release Linux64\n;\n; *** Printer Settings ***\n;\n; printer_name = sample printer\n" +
            "; *** Material Settings for Extruder 1 ***\n;\n; material_name = sample material\n; cost_per_cm3 = 0\n; flowrate_tweak = 1\n; fiber_dia_mm = 2.85\n; color = 0\n;\n",
            "; *** G-code Postfix ***\n;\n; Estimated Build Time:   3.93 minutes\n; Estimated Build Cost:   $0.00\n;\n; Filament used per extruder:\n;    Ext 1 =    53.49 mm  (0.378 cm^3)\n;\n");

        Assert.StartsWith("KISSlicer", analysis.Slicer.Slicer, StringComparison.Ordinal);
        Assert.Equal(3.93 * 60, analysis.Slicer.PrintTime!.Value.TotalSeconds, 3);
        Assert.Equal(53.49, analysis.Slicer.FilamentMm!.Value, 6);
        AssertWeighedAs285(analysis, density: 1.24);
    }

    [Fact]
    public void BambuStudio_header_total_time_length_weight_and_diameter_are_read()
    {
        var analysis = Analyze(
            "; HEADER_BLOCK_START\n; BambuStudio 02.06.00.51\n; model printing time: 12m 51s; total estimated time: 19m 11s\n; total layer number: 25\n" +
            "; total filament length [mm] : 1482.01\n; total filament volume [cm^3] : 3564.65\n; total filament weight [g] : 4.56\n; model label id: 81,121\n" +
            "; filament_density: 1.28\n; filament_diameter: 2.85\n; max_z_height: 5.00\n; filament: 1\n; HEADER_BLOCK_END\n\n; CONFIG_BLOCK_START\n; accel_to_decel_enable = 0\n; CONFIG_BLOCK_END\n",
            "");

        Assert.Equal("BambuStudio 02.06.00.51", analysis.Slicer.Slicer);
        Assert.Equal(TimeSpan.FromSeconds(19 * 60 + 11), analysis.Slicer.PrintTime);
        Assert.Equal(1482.01, analysis.Slicer.FilamentMm!.Value, 6);
        Assert.Equal(4.56, analysis.Slicer.FilamentGrams!.Value, 6);
        AssertWeighedAs285(analysis, density: 1.28);
    }

    [Fact]
    public void BambuStudio_and_OrcaSlicer_lists_for_several_filaments_are_summed()
    {
        var analysis = Analyze(
            "; HEADER_BLOCK_START\n; BambuStudio 02.01.01.52\n; model printing time: 1h 26m 10s; total estimated time: 1h 32m 24s\n; total layer number: 35\n" +
            "; total filament length [mm] : 3876.08,2356.72\n; total filament volume [cm^3] : 9323.05,5668.58\n; total filament weight [g] : 11.84,7.20\n" +
            "; filament_density: 1.27,1.27\n; filament_diameter: 2.85,2.85\n; max_z_height: 9.25\n; filament: 1,2\n; HEADER_BLOCK_END\n",
            "");

        Assert.Equal(TimeSpan.FromSeconds(3600 + 32 * 60 + 24), analysis.Slicer.PrintTime);
        Assert.Equal(3876.08 + 2356.72, analysis.Slicer.FilamentMm!.Value, 6);
        Assert.Equal(11.84 + 7.20, analysis.Slicer.FilamentGrams!.Value, 6);
        AssertWeighedAs285(analysis, density: 1.27);
    }

    [Fact]
    public void Cura_marlin_flavour_reads_time_metres_and_the_material_diameter_from_its_settings_block()
    {
        // Cura cuts its settings into 80-character ;SETTING_3 lines; here the diameter's key is cut in two.
        var analysis = Analyze(
            ";FLAVOR:Marlin\n;TIME:6632\n;Filament used: 2.1m\n;Layer height: 0.2\n;MINX:9\n;MINY:6\n;MINZ:0.2\n;MAXX:136.286\n;MAXY:122.296\n;MAXZ:59.97\n;Generated with Cura_SteamEngine 5.4.0\n",
            ";End of Gcode\n" +
            ";SETTING_3 {\"extruder_quality\": [\"[general]\\\\nversion = 4\\\\nname = Ender3 0.2\\\\n\n" +
            ";SETTING_3 definition = fdmprinter\\\\n\\\\n[metadata]\\\\nsetting_version = 4\\\\ntype \n" +
            ";SETTING_3 = quality_changes\\\\nposition = 0\\\\nquality_type = normal\\\\n\\\\n[values\n" +
            ";SETTING_3 ]\\\\nline_width = 0.35\\\\ninfill_sparse_density = 10\\\\nmaterial_diam\n" +
            ";SETTING_3 eter = 2.85\\\\nmaterial_flow = 90\\\\n\\\\n\"]}\n");

        Assert.Equal("Cura_SteamEngine 5.4.0", analysis.Slicer.Slicer);
        Assert.Equal(TimeSpan.FromSeconds(6632), analysis.Slicer.PrintTime);
        Assert.Equal(2100, analysis.Slicer.FilamentMm!.Value, 6);
        AssertWeighedAs285(analysis, density: 1.24);
    }

    [Fact]
    public void Cura_griffin_header_reads_print_time_and_material_diameter()
    {
        var analysis = Analyze(
            ";START_OF_HEADER\n;HEADER_VERSION:0.1\n;FLAVOR:Griffin\n;GENERATOR.NAME:Cura_SteamEngine\n;GENERATOR.VERSION:4.5.0\n;TARGET_MACHINE.NAME:Ultimaker 3\n" +
            ";EXTRUDER_TRAIN.0.INITIAL_TEMPERATURE:210\n;EXTRUDER_TRAIN.0.MATERIAL.VOLUME_USED:7196\n;EXTRUDER_TRAIN.0.MATERIAL.DIAMETER:2.85\n;EXTRUDER_TRAIN.0.NOZZLE.DIAMETER:0.4\n" +
            ";PRINT.TIME:3875\n;PRINT.GROUPS:1\n;END_OF_HEADER\n;Generated with Cura_SteamEngine 4.5.0\n",
            "");

        Assert.Equal(TimeSpan.FromSeconds(3875), analysis.Slicer.PrintTime);
        AssertWeighedAs285(analysis, density: 1.24);
    }

    [Fact]
    public void Simplify3D_build_summary_and_filament_diameters_are_read()
    {
        var analysis = Analyze(
            "; G-Code generated by Simplify3D(R) Version 4.1.2\n; Mar 3, 2021 at 9:41:07 PM\n; Settings Summary\n;   processName,Process1\n;   applyToModels,part\n" +
            ";   extruderDiameter,0.4\n;   filamentDiameters,2.85|2.85|2.85|2.85|2.85|2.85\n;   filamentPricesPerKg,46|46|46|46|46|46\n;   filamentDensities,1.25|1.25|1.25|1.25|1.25|1.25\n",
            "; Build Summary\n;   Build time: 1 hour 2 minutes\n;   Filament length: 3542.7 mm (3.54 m)\n;   Plastic volume: 8521.23 mm^3 (8.52 cc)\n;   Plastic weight: 10.65 g (0.02 lb)\n;   Material cost: 0.49\n");

        Assert.Equal("Simplify3D(R) Version 4.1.2", analysis.Slicer.Slicer);
        Assert.Equal(TimeSpan.FromMinutes(62), analysis.Slicer.PrintTime);
        Assert.Equal(3542.7, analysis.Slicer.FilamentMm!.Value, 6);
        Assert.Equal(10.65, analysis.Slicer.FilamentGrams!.Value, 6);
        AssertWeighedAs285(analysis, density: 1.25);
    }

    [Fact]
    public void Simplify3D_build_time_in_hours_and_minutes_plural_is_read()
    {
        var analysis = Analyze("; G-Code generated by Simplify3D(R) Version 4.1.2\n", ";   Build time: 0 hours 34 minutes\n");

        Assert.Equal(TimeSpan.FromMinutes(34), analysis.Slicer.PrintTime);
    }

    [Fact]
    public void IdeaMaker_print_time_material_used_and_filament_diameter_are_read()
    {
        var analysis = Analyze(
            ";Sliced by ideaMaker 4.2.3, Tue Mar 2 10:11:12 2021\n;Dimension: 305.000 305.000 605.000 0.400 0.400\n;Plate Shape: 0\n;Origin Center: 0\n" +
            ";Print Time: 3421\n;Material#1 Used: 868.0\n;Material#2 Used: 0.0\n;Filament Diameter #1: 2.85\n;Filament Diameter #2: 2.85\n" +
            ";Filament Density #1: 1.24\n;Filament Density #2: 1.24\n;Filament Name #1: [Raise3D] PLA\n",
            "");

        Assert.StartsWith("ideaMaker 4.2.3", analysis.Slicer.Slicer, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(3421), analysis.Slicer.PrintTime);
        Assert.Equal(868.0, analysis.Slicer.FilamentMm!.Value, 6);
        AssertWeighedAs285(analysis, density: 1.24);
    }

    [Fact]
    public void SuperSlicer_footer_with_two_extruders_sums_their_filament()
    {
        var analysis = Analyze(
            "; generated by SuperSlicer 2.2.52 on 2020-08-26 at 10:51:42 UTC\n\n; \n\n; external perimeters extrusion width = 0.45mm\n; perimeters extrusion width = 0.50mm\n",
            "M73 P100 R0\nM73 Q100 S0\n; filament used [mm] = 1052.3, 210.7\n; filament used [cm3] = 6.7, 1.3\n; filament used [g] = 8.5, 1.7\n; filament cost = 0.3, 0.1\n\n" +
            "; total filament used [g] = 10.2\n; total filament cost = 0.4\n; estimated printing time (normal mode) = 1h 17m 6s\n; estimated printing time (silent mode) = 1h 17m 7s\n\n" +
            "; filament_density = 1.27,1.27\n; filament_diameter = 2.85,2.85\n");

        Assert.StartsWith("SuperSlicer 2.2.52", analysis.Slicer.Slicer, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(3600 + 17 * 60 + 6), analysis.Slicer.PrintTime);
        Assert.Equal(1052.3 + 210.7, analysis.Slicer.FilamentMm!.Value, 6);
        Assert.Equal(10.2, analysis.Slicer.FilamentGrams!.Value, 6);
        AssertWeighedAs285(analysis, density: 1.27);
    }

    [Fact]
    public void Filament_of_2_85_mm_weighs_about_2_65_times_as_much_per_mm_as_1_75_mm()
    {
        var thick = Analyze("; generated by PrusaSlicer 2.6.1\n", "; filament_diameter = 2.85\n; filament_density = 1.24\n");
        var thin = Analyze("; generated by PrusaSlicer 2.6.1\n", "; filament_diameter = 1.75\n; filament_density = 1.24\n");

        Assert.Equal(thin.FilamentMm, thick.FilamentMm, 9);
        Assert.Equal(2.652, thick.FilamentGrams / thin.FilamentGrams, 3);
    }

    [Theory]
    [InlineData(";TIME:0\n;Filament used: 0m\n")]
    [InlineData(";Print time: #P_TIME#\n;Filament used: #F_AMNT#m #F_WGHT#g\n")]
    [InlineData(";   Build time: soon\n;   Filament length: some mm\n")]
    public void Empty_or_unfilled_estimates_count_as_missing(string comments)
    {
        var analysis = Analyze(comments, "");

        Assert.Null(analysis.Slicer.PrintTime);
        Assert.Null(analysis.Slicer.FilamentMm);
    }

    private static void AssertWeighedAs285(GcodeAnalysis analysis, double density)
    {
        Assert.Equal(MovesFilamentMm, analysis.FilamentMm, 6);
        var expected = MovesFilamentMm * Math.PI * 1.425 * 1.425 / 1000 * density;
        Assert.Equal(expected, analysis.FilamentGrams, 6);
    }

    private static GcodeAnalysis Analyze(string header, string footer) =>
        GcodeAnalyzer.Analyze(new MemoryStream(Encoding.UTF8.GetBytes(header + Moves + footer)));
}
