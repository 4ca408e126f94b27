// The resource files live in Resources/SharedResource(.fr).resx; the class exists so IStringLocalizer<T> can name them.
#pragma warning disable IDE0130 // The root namespace is what maps the class to Resources/SharedResource.resx.
namespace MakerShop.Web;
#pragma warning restore IDE0130

public sealed class SharedResource;
