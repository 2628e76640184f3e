using Nanhai.Domain.ServiceMatters;

namespace Nanhai.UnitTests.ServiceMatters.Materials;

public sealed class MaterialFilesTests
{
    static readonly Material Photo = new() { Id = "photo", Name = "近期免冠照片", MaxSizeBytes = 100, AllowedContentTypes = ["image/jpeg", "image/png"] };

    [Theory]
    [InlineData("image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 })]
    [InlineData("image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })]
    [InlineData("IMAGE/PNG", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })]
    public void A_file_of_an_allowed_type_within_the_limit_passes(string type, byte[] head) =>
        Assert.Empty(MaterialFiles.Check(Photo, 50, type, head));

    [Theory]
    [InlineData(0L, "image/jpeg", "为空")]
    [InlineData(101L, "image/jpeg", "超过上限")]
    [InlineData(50L, "application/pdf", "只接受")]
    [InlineData(50L, null, "未知格式")]
    public void Size_and_type_limits_are_enforced(long size, string? type, string message) =>
        Assert.Contains(message, Assert.Single(MaterialFiles.Check(Photo, size, type, [0xFF, 0xD8, 0xFF, 0xE0])));

    [Fact]
    public void Content_that_is_not_what_it_claims_is_refused()
    {
        var problem = Assert.Single(MaterialFiles.Check(Photo, 50, "image/png", "MZ\u0090\0 executable"u8));
        Assert.Contains("不符", problem);
        Assert.Contains("近期免冠照片", problem);
    }
}
