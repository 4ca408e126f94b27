using MakerShop.Core;

namespace MakerShop.Web.Demo;

/// <summary>The products demo mode offers, each printed from G-code that <see cref="DemoGcodeWriter"/> makes.</summary>
public static class DemoCatalog
{
    public static IReadOnlyList<DemoProduct> Products { get; } =
    [
        new("cable-organiser", "Desk cable organiser", "A weighted round tidy that keeps five cables on the edge of your desk.",
            1890, new DemoShape(60, 60, 22, Round: true), [new("PLA", "black"), new("PLA", "white")]),
        new("planter-box", "Square planter box", "A 70 mm planter for succulents, printed solid-walled in PETG so it holds water.",
            2450, new DemoShape(70, 70, 16, Round: false, Perimeters: 4), [new("PETG", "orange"), new("PLA", "white")]),
        new("calibration-cube", "Calibration cube", "The classic 20 mm cube: check your printer's dimensions or just fidget with it.",
            450, new DemoShape(20, 20, 20, Round: false, Perimeters: 2, LayerHeight: 0.25, InfillSpacing: 6), [new("PLA", "black"), new("PLA", "white"), new("PETG", "orange")]),
    ];
}
