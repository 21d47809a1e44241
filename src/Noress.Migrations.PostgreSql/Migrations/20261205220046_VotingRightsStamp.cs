using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class VotingRightsStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VotingRightsStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VotingRightsStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "VotingRightsStamps",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, new Guid("0b7f4c1e-52a4-4c55-9d0e-5a2f1c3d4e01") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VotingRightsStamps");
        }
    }
}
