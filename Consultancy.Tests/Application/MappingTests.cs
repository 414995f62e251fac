using AutoMapper;
using AutoMapper.Internal;
using Consultancy.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Application;

public sealed class MappingTests
{
    [Fact]
    public async Task The_mapping_configuration_is_valid_and_no_map_is_self_referential()
    {
        await using var app = await ApplicationHarness.StartAsync();
        var configuration = app.Services.GetRequiredService<IMapper>().ConfigurationProvider;

        configuration.AssertConfigurationIsValid();

        var maps = configuration.Internal().GetAllTypeMaps();
        Assert.NotEmpty(maps);
        foreach (var map in maps)
        {
            // GHSA-rvv3-g6hj-g44x needs a type mapped to itself or a destination that refers back to itself.
            Assert.NotEqual(map.SourceType, map.DestinationType);
            var memberTypes = map.DestinationType.GetProperties().Select(p => p.PropertyType).ToList();
            Assert.DoesNotContain(map.DestinationType, memberTypes);
            Assert.All(memberTypes, type => Assert.True(
                type.IsValueType || type == typeof(string) || Nullable.GetUnderlyingType(type) is not null,
                $"{map.DestinationType.Name} is not a flat read model: it has a {type.Name} member"));
        }
    }
}
