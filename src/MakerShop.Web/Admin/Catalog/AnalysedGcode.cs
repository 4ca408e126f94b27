using MakerShop.Core;

namespace MakerShop.Web.Admin.Catalog;

/// <summary>A product G-code file stored under its hash, with what our analyser measured in it.</summary>
public sealed record AnalysedGcode(StoredGcode Gcode, TimeSpan PrintTime, double FilamentGrams, Size3 PartSize, int Layers);
