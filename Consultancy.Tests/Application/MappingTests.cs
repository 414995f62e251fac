using AutoMapper;
using AutoMapper.Internal;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
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
            // What the map fills; a form may carry more that is read beside the map (the applications a letter goes to).
            var ignored = map.PropertyMaps.Where(p => p.Ignored).Select(p => p.DestinationName).ToHashSet();
            var memberTypes = map.DestinationType.GetProperties().Where(p => !ignored.Contains(p.Name)).Select(p => p.PropertyType).ToList();
            Assert.DoesNotContain(map.DestinationType, memberTypes);
            Assert.All(memberTypes, type => Assert.True(
                type.IsValueType || type == typeof(string) || Nullable.GetUnderlyingType(type) is not null,
                $"{map.DestinationType.Name} is not a flat read model: it has a {type.Name} member"));
        }
    }

    /// <summary>docs/decisions/0002: the edit forms of records saved under a version check, and the client's read models.</summary>
    [Fact]
    public async Task Maps_fill_the_forms_edited_under_a_version_check_and_the_clients_read_models_and_nothing_else()
    {
        await using var app = await ApplicationHarness.StartAsync();
        var maps = app.Services.GetRequiredService<IMapper>().ConfigurationProvider.Internal().GetAllTypeMaps();

        Assert.All(maps, map => Assert.True(typeof(IConcurrencyChecked).IsAssignableFrom(map.DestinationType) || map.SourceType == typeof(Client),
            $"{map.SourceType.Name} -> {map.DestinationType.Name} is neither a form edited under a version check nor a client read model"));
        var forms = typeof(IConcurrencyChecked).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IConcurrencyChecked).IsAssignableFrom(t));
        Assert.All(forms, form => Assert.Contains(maps, map => map.DestinationType == form));
    }
}
