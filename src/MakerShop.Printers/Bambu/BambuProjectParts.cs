namespace MakerShop.Printers.Bambu;

/// <summary>The fixed parts of the 3MF <see cref="BambuProjectPackager"/> writes around a job's G-code.</summary>
internal static class BambuProjectParts
{
    public const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/>
          <Default Extension="gcode" ContentType="text/x.gcode"/>
          <Default Extension="md5" ContentType="text/plain"/>
          <Default Extension="config" ContentType="text/xml"/>
        </Types>
        """;

    public const string Relationships = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Target="/3D/3dmodel.model" Id="rel-1" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/>
        </Relationships>
        """;

    // The printer prints the plate's G-code; the model is only there because a 3MF must have one.
    public const string EmptyModel = """
        <?xml version="1.0" encoding="UTF-8"?>
        <model unit="millimeter" xml:lang="en-US" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">
          <metadata name="Application">MakerShop</metadata>
          <resources/>
          <build/>
        </model>
        """;

    public const string SliceInfo = """
        <?xml version="1.0" encoding="UTF-8"?>
        <config>
          <header>
            <header_item key="X-BBL-Client-Type" value="slicer"/>
          </header>
          <plate>
            <metadata key="index" value="1"/>
          </plate>
        </config>
        """;
}
