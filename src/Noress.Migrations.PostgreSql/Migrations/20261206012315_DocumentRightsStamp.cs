using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DocumentRightsStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentRightsStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentRightsStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DocumentRightsStamps",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, new Guid("5d0c7e2a-8f41-4b6e-a3c9-1e7f2b4d6a02") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentRightsStamps");
        }
    }
}
