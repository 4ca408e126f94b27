namespace MakerShop.Web.Demo;

/// <summary>A simple solid the demo G-code writer can print: a rounded (cylinder) or square (box) wall with sparse infill.</summary>
public sealed record DemoShape(double Width, double Depth, double Height, bool Round, int Perimeters = 3, double LayerHeight = 0.2, double InfillSpacing = 4);
